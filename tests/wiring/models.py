from django.db import models

from publishing.models import Publishable


class Leaflet(Publishable):
    title = models.CharField(max_length=120)
    slug = models.SlugField(unique=True)
    body = models.TextField(blank=True)

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"/leaflets/{self.slug}/"

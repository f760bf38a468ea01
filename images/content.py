from publishing import content

from .models import Picture

# Pages show pictures: a changed or replaced one retires the cached pages.
content.register(Picture)

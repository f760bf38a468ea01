from django.contrib import admin

from .models import Synonym


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    list_display = ["words"]
    search_fields = ["words"]
    fields = ["words"]

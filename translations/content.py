from publishing import content

from .models import Translation

# Pages show translations: a new or changed one retires the cached pages.
content.register(Translation)

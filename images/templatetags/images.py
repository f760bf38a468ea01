from django import template

from seo.schema import absolute

register = template.Library()

# The <img>'s own source, for the rare browser that ignores srcset: a phone-size JPEG.
FALLBACK_WIDTH = 640


@register.inclusion_tag("includes/picture.html")
def picture(picture, sizes, priority=False, decorative=False, css_class=""):
    """A <picture> of an uploaded picture: AVIF with a JPEG fallback, each in every width made on upload.

    `sizes` says how wide it is shown (as in HTML's `sizes`). The one `priority` picture, the largest on
    the first screen, is fetched first; every other waits until it is scrolled near (loading="lazy").
    `decorative` where the words beside it already say what it shows (a portrait beside its name).
    """
    jpeg = picture.renditions("JPEG")
    return {
        "picture": picture,
        "alt": "" if decorative else picture.alt,
        "avif": picture.renditions("AVIF"),
        "jpeg": jpeg,
        "fallback": [rendition for width, rendition in jpeg.items() if width <= FALLBACK_WIDTH][-1],
        "sizes": sizes,
        "priority": priority,
        "css_class": css_class,
    }


@register.inclusion_tag("includes/open_graph_image.html")
def open_graph_image(picture):
    """The picture a shared link shows, with its size, so the preview is laid out before it loads."""
    largest = picture.largest("JPEG")
    return {
        "url": absolute(largest.url),
        "width": largest.width,
        "height": picture.height_at(largest.width),
        "alt": picture.alt,
    }

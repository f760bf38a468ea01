"""A picture as search engines read it (schema.org), for the records that show one."""

from seo.schema import absolute


def image_object(picture):
    """Its largest JPEG rendition, with its size, caption and credit."""
    largest = picture.largest("JPEG")
    data = {
        "@type": "ImageObject",
        "contentUrl": absolute(largest.url),
        "width": largest.width,
        "height": picture.height_at(largest.width),
    }
    if picture.caption:
        data["caption"] = picture.caption
    if picture.credit:
        data["creditText"] = picture.credit
    return data

from urllib.parse import quote, urlencode

from django import template
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

register = template.Library()


@register.filter
def directions(clinic):
    """(label, link) pairs that open the patient's own map app with directions to the clinic.

    Plain links: nothing is loaded from a map service unless the patient follows one.
    """
    address = ", ".join(part for part in (clinic.street_address, clinic.locality) if part)
    if not clinic.street_address:
        return []
    links = [
        ("Google Maps", "https://www.google.com/maps/dir/?" + urlencode({"api": 1, "destination": address})),
        ("Apple Maps", "https://maps.apple.com/?" + urlencode({"daddr": address})),
    ]
    if clinic.latitude is not None and clinic.longitude is not None:
        position = f"{clinic.latitude},{clinic.longitude}"
        links.append((_("Another map app on this device"), f"geo:{position}?q={quote(address)}"))
    return links


@register.filter
def document_size(size):
    return filesizeformat(size).replace("\xa0", " ")

from serving.outage import remember_contact


def remember_clinic_phone(sender, instance, **kwargs):
    """Kept for the outage page, which cannot read the database."""
    remember_contact(name=instance.name, phone=instance.phone)

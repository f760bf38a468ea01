from django.db import migrations

# Words patients use for what the clinic's pages say differently. Staff edit them in the admin
# under Site search -> Words that mean the same.
STARTER_SYNONYMS = [
    "physician, specialist, doctor, Dr., MD",
    "appointment, appt, booking, book, consultation, visit, schedule",
    "shot, injection, jab",
    "cortisone, steroid, corticosteroid",
    "hurt, pain, painful, ache, sore",
    "slipped disc, herniated disc, bulging disc, ruptured disc, disc herniation",
    "disc, disk",
    "physical therapy, physiotherapy, physio, physical therapist",
    "radiofrequency ablation, radio frequency ablation, RFA, rhizotomy, nerve burning, nerve ablation",
    "PRP, platelet-rich plasma",
    "telehealth, telemedicine, virtual, video visit, online appointment",
    "medication, medicine, pills, painkillers, prescription, drugs",
    "insurance, medicare, medi-cal, PPO, HMO, coverage",
    "cost, price, fee, payment, pay",
    "workers' compensation, workers comp, work injury",
    "car accident, auto accident, motor vehicle accident, collision, crash",
    "headache, migraine",
    "neuropathy, nerve damage",
    "sciatica, sciatic nerve",
    "backache, back pain, lumbar pain",
    "arthritis, osteoarthritis",
    "x-ray, xray, fluoroscope, fluoroscopy",
    "opening hours, office hours, hours, open",
    "phone, phone number, telephone, call",
    "location, address, directions, map",
    "spinal cord stimulator, spinal cord stimulation, SCS",
    "broken, fracture, fractured",
    "first visit, new patient, first appointment",
    "nurse practitioner, NP",
    "Spanish, Español",
]


def add_starter_synonyms(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for words in STARTER_SYNONYMS:
        Synonym.objects.get_or_create(words=words)


def remove_starter_synonyms(apps, schema_editor):
    apps.get_model("search", "Synonym").objects.filter(words__in=STARTER_SYNONYMS).delete()


class Migration(migrations.Migration):
    """A starter list of the words patients use, so a new install understands "specialist" or "shot"."""

    dependencies = [("search", "0003_search_index")]

    operations = [migrations.RunPython(add_starter_synonyms, remove_starter_synonyms)]

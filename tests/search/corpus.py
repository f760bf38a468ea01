"""A fuller clinic than the launch content, for judging search: written as a clinic's site reads.

The launch content holds one treatment; a clinic soon has a dozen, with the conditions they are
used for, the questions patients ask, a few providers and some simple pages. `build()` adds them
to the launch content.
"""

from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.utils.text import slugify

from faq.models import Question, Topic
from practice.models import Clinic, OpeningHours, Provider, Weekday
from treatments.models import Condition, Treatment

CONDITIONS = {
    "Sciatica": (
        "Pain that runs from the lower back through the buttock and down the leg.",
        "Sciatica happens when the sciatic nerve is irritated or compressed, most often by a herniated disc "
        "or spinal stenosis. It can cause shooting pain, numbness, tingling or weakness in the leg and foot.",
    ),
    "Herniated disc": (
        "A spinal disc whose soft centre pushes through its tougher outer ring.",
        "A herniated disc can press on nearby nerves and cause pain in the back or neck, or pain that travels "
        "into an arm or leg. Many herniated discs improve with time, physical therapy and injections.",
    ),
    "Neck pain": (
        "Pain and stiffness in the neck, sometimes spreading to the shoulders, arms or head.",
        "Neck pain can come from worn joints, a herniated disc, a pinched nerve, poor posture or an injury "
        "such as whiplash. We look for the cause before recommending treatment.",
    ),
    "Migraine and headaches": (
        "Frequent headaches and migraines that do not respond to the usual medicines.",
        "Chronic headaches can start in the nerves at the back of the head (occipital neuralgia) or follow a neck "
        "injury. A nerve block can calm the nerves and reduce how often headaches come.",
    ),
    "Fibromyalgia": (
        "Widespread pain, tiredness and tender points throughout the body.",
        "Fibromyalgia is a long-term condition. Treatment combines gentle exercise, medicines, trigger point "
        "injections for painful muscles and advice on sleep.",
    ),
    "Peripheral neuropathy": (
        "Nerve damage that causes burning pain, numbness or tingling, usually in the feet and hands.",
        "Neuropathy is often caused by diabetes, chemotherapy or injury to the nerves. Treatment aims to ease the "
        "pain and protect the feet.",
    ),
    "Spinal stenosis": (
        "Narrowing of the spinal canal that squeezes the nerves in the lower back or neck.",
        "Spinal stenosis can make walking or standing for long painful, with relief when sitting or bending "
        "forward. Epidural injections and physical therapy often help.",
    ),
    "Shoulder pain": (
        "Pain from the shoulder joint, its tendons or the muscles around it.",
        "Rotator cuff injuries, arthritis and frozen shoulder are common causes. Injections and physical therapy "
        "can restore movement.",
    ),
    "Hip pain": (
        "Pain in the hip joint, the groin or the outside of the hip.",
        "Hip pain can come from arthritis, bursitis or the sacroiliac joint where the spine meets the pelvis.",
    ),
    "Sports injuries": (
        "Sprains, strains and tendon injuries from sport and exercise.",
        "Tennis elbow, runner's knee, Achilles tendon problems and muscle tears can heal slowly. Platelet-rich "
        "plasma and physical therapy may help them heal.",
    ),
    "Complex regional pain syndrome": (
        "Severe, lasting pain in an arm or leg, usually after an injury.",
        "Complex regional pain syndrome (CRPS), once called reflex sympathetic dystrophy (RSD), causes burning "
        "pain, swelling and changes in skin colour. Nerve blocks and spinal cord stimulation can help.",
    ),
    "Auto accident injuries": (
        "Neck, back and joint injuries after a car accident.",
        "Whiplash and back injuries after a collision may not hurt until days later. We assess and treat "
        "injuries from motor vehicle accidents.",
    ),
}

TREATMENTS = {
    "Epidural steroid injection": (
        "An injection of anti-inflammatory medicine into the space around the spinal nerves.",
        "An epidural steroid injection delivers a corticosteroid and a local anesthetic near inflamed nerve "
        "roots. It is used for sciatica, herniated discs and spinal stenosis. The injection is guided by "
        "X-ray and takes about 15 minutes.",
        ["Sciatica", "Herniated disc", "Spinal stenosis", "Chronic back pain"],
    ),
    "Facet joint injection": (
        "An injection into the small joints of the spine to relieve back or neck pain.",
        "The facet joints link the vertebrae. When they are inflamed by arthritis they cause back or neck pain. "
        "A steroid injected into the joint can reduce the inflammation.",
        ["Neck pain", "Chronic back pain"],
    ),
    "Medial branch block": (
        "A test injection that numbs the nerves carrying pain from the facet joints.",
        "If a medial branch block relieves your pain for a few hours, radiofrequency ablation of the same nerves "
        "can give longer relief.",
        ["Chronic back pain", "Neck pain"],
    ),
    "Radiofrequency ablation": (
        "Heat applied to a small nerve to stop it sending pain signals, for relief that lasts months.",
        "Radiofrequency ablation (RFA), also called rhizotomy, uses a needle that heats the nerve. Relief often "
        "lasts six to twelve months or longer, and the procedure can be repeated.",
        ["Chronic back pain", "Neck pain", "Osteoarthritis of the knee and other joints"],
    ),
    "Platelet-rich plasma therapy": (
        "Injections of concentrated platelets from your own blood to help injured tissue heal.",
        "Platelet-rich plasma (PRP) is prepared from a small sample of your blood. Injected into a tendon, "
        "ligament or joint, its growth factors support healing. It is used for tendon injuries and arthritis.",
        ["Sports injuries", "Osteoarthritis of the knee and other joints", "Shoulder pain"],
    ),
    "Trigger point injections": (
        "Injections into tight, painful knots of muscle.",
        "A small amount of local anesthetic, sometimes with a steroid, is injected into the knot to relax it. "
        "It is used for muscle pain in the neck, shoulders and back, and for fibromyalgia.",
        ["Fibromyalgia", "Neck pain"],
    ),
    "Spinal cord stimulation": (
        "A small implanted device that sends mild electrical pulses to the spinal cord to mask pain.",
        "Spinal cord stimulation is used when back or leg pain continues after spine surgery (failed back "
        "surgery syndrome), and for complex regional pain syndrome and neuropathy. A trial comes first.",
        ["Complex regional pain syndrome", "Peripheral neuropathy", "Chronic back pain"],
    ),
    "Physical therapy": (
        "Exercises and hands-on treatment to restore strength and movement.",
        "Our physical therapists build a programme of stretching and strengthening exercises for your back, "
        "neck or joints, to do at the clinic and at home.",
        ["Chronic back pain", "Neck pain", "Sports injuries", "Shoulder pain", "Hip pain"],
    ),
    "Sacroiliac joint injection": (
        "An injection into the joint where the spine meets the pelvis.",
        "Sacroiliac (SI) joint pain is felt in the lower back, buttock and hip. A steroid injection into the "
        "joint can confirm the source of pain and relieve it.",
        ["Hip pain", "Chronic back pain"],
    ),
    "Knee injections": (
        "Hyaluronic acid or steroid injections to ease knee arthritis pain.",
        "Hyaluronic acid (gel) injections cushion and lubricate the knee joint. Steroid injections reduce "
        "inflammation. Both can delay the need for knee replacement.",
        ["Osteoarthritis of the knee and other joints"],
    ),
    "Occipital nerve block": (
        "An injection at the back of the head to calm the nerves behind chronic headaches.",
        "A local anesthetic and steroid are injected near the occipital nerves. Many patients have fewer and "
        "milder headaches and migraines for weeks or months.",
        ["Migraine and headaches"],
    ),
    "Kyphoplasty": (
        "A procedure that stabilises a painful compression fracture of the spine.",
        "A small balloon restores the height of the collapsed vertebra and bone cement fills the space. It is "
        "used for compression fractures caused by osteoporosis.",
        ["Chronic back pain"],
    ),
    "Acupuncture": (
        "Fine needles placed at chosen points to relieve pain.",
        "Acupuncture may help chronic back pain, neck pain, headaches and osteoarthritis as part of a wider "
        "treatment plan.",
        ["Chronic back pain", "Migraine and headaches"],
    ),
    "Medication management": (
        "Careful prescribing and review of pain medicines.",
        "We prescribe and monitor anti-inflammatories, nerve pain medicines and, only where appropriate, opioids, "
        "with regular reviews and the lowest effective dose.",
        ["Peripheral neuropathy", "Fibromyalgia"],
    ),
}

QUESTIONS = {
    "Do you accept insurance?": (
        "Yes. We accept most PPO plans, Medicare and workers' compensation. Call us to check your plan before "
        "your appointment.",
        None,
    ),
    "Do I need a referral?": (
        "Many plans let you book without a referral. Some HMO plans require one from your primary care physician.",
        None,
    ),
    "What should I bring to my first appointment?": (
        "Bring photo ID, your insurance card, a list of your medicines and any MRI or X-ray reports.",
        None,
    ),
    "Will the injection hurt?": (
        "The skin is numbed with a local anesthetic first. Most patients feel pressure rather than pain.",
        "Epidural steroid injection",
    ),
    "How long does the procedure take?": (
        "Most injections take 15 to 30 minutes, and you can go home the same day.",
        "Epidural steroid injection",
    ),
    "Can I drive home after my procedure?": (
        "If you receive sedation, someone must drive you home. Without sedation most patients can drive.",
        None,
    ),
    "What are the side effects of steroid injections?": (
        "Side effects are usually mild: a brief increase in pain, flushing, or a rise in blood sugar for a few "
        "days in people with diabetes.",
        "Epidural steroid injection",
    ),
    "How many steroid injections can I have in a year?": (
        "We usually limit steroid injections to three or four a year in the same area.",
        "Epidural steroid injection",
    ),
    "Do you treat workers' compensation injuries?": (
        "Yes. We treat work injuries and work with your employer's workers' compensation insurer.",
        None,
    ),
    "Do you offer telehealth appointments?": (
        "Yes. Follow-up visits can often be done by secure video from home.",
        None,
    ),
    "Do you prescribe opioids?": (
        "Only when other treatments have not helped, with a signed agreement and regular reviews.",
        "Medication management",
    ),
    "What is the difference between PRP and stem cell therapy?": (
        "PRP uses platelets from your blood; stem cell therapy uses cells from your fat or bone marrow. Your "
        "physician will explain which suits your injury.",
        "Platelet-rich plasma therapy",
    ),
    "How much does PRP cost?": (
        "PRP is often not covered by insurance. We give you the price in writing before treatment.",
        "Platelet-rich plasma therapy",
    ),
    "How long does radiofrequency ablation last?": (
        "Relief usually lasts six months to a year, sometimes longer, until the nerve grows back.",
        "Radiofrequency ablation",
    ),
}

PROVIDERS = [
    (
        "",
        "Maria Lopez",
        "NP",
        "Nurse practitioner",
        "Maria sees new patients and follow-up visits, and speaks Spanish.",
    ),
    ("", "James Park", "DPT", "Physical therapist", "James leads the clinic's physical therapy programme."),
]

PAGES = [
    (
        "/insurance-and-payment/",
        "Insurance and payment",
        "<p>We accept most PPO plans, Medicare, workers' compensation and personal injury cases. Payment is due at "
        "the time of your visit for anything your plan does not cover.</p>",
    ),
    (
        "/new-patients/",
        "New patients",
        "<p>Your first visit lasts about an hour. Please arrive 15 minutes early with your ID, insurance card and "
        "the names of your medicines. Your physician reviews your history and imaging and explains your options.</p>",
    ),
    (
        "/directions/",
        "Directions and parking",
        "<p>The clinic is on Hawthorne Boulevard in Torrance. Free parking is behind the building, and the entrance "
        "is step-free.</p>",
    ),
]


def build():
    """Add the fuller clinic to the launch content."""
    Clinic.objects.update(phone="(310) 555-0100", street_address="1 Hawthorne Blvd", postal_code="90503")
    clinic = Clinic.objects.get()
    for day in list(Weekday)[:5]:
        OpeningHours.objects.create(clinic=clinic, weekday=day, opens="08:00", closes="17:00")
    Provider.objects.filter(slug="rostam-khoshsar").update(
        credentials="MD",
        role="Pain management physician",
        bio="<p>Dr. Khoshsar is board certified in pain medicine.</p>",
    )
    for order, (honorific, name, credentials, role, bio) in enumerate(PROVIDERS, start=1):
        Provider.objects.create(
            honorific=honorific,
            name=name,
            slug=slugify(name),
            credentials=credentials,
            role=role,
            bio=f"<p>{bio}</p>",
            order=order,
            is_published=True,
        )
    conditions = {condition.name: condition for condition in Condition.objects.all()}
    for name, (summary, body) in CONDITIONS.items():
        conditions[name] = Condition.objects.create(
            name=name, slug=slugify(name), summary=summary, body=f"<p>{body}</p>", is_published=True
        )
    treatments = {}
    for name, (summary, body, used_for) in TREATMENTS.items():
        treatments[name] = Treatment.objects.create(
            name=name, slug=slugify(name), summary=summary, body=f"<p>{body}</p>", is_published=True
        )
        treatments[name].conditions.set([conditions[condition] for condition in used_for])
    topic = Topic.objects.create(name="Visiting the clinic", slug="visiting-the-clinic", is_published=True)
    for question, (answer, treatment) in QUESTIONS.items():
        Question.objects.create(
            question=question,
            slug=slugify(question),
            answer=f"<p>{answer}</p>",
            topic=topic,
            treatment=treatments.get(treatment),
            is_published=True,
        )
    site = Site.objects.get_current()
    for url, title, content in PAGES:
        FlatPage.objects.create(url=url, title=title, content=content).sites.add(site)

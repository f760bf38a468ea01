"""Starter text for the staff-editable pages. Staff replace it in the admin under "Simple pages"."""

from django.conf import settings

ABOUT = """\
<p>BioHealth Pain Management is a pain-management clinic in Torrance, California, led by Dr. Rostam Khoshsar.</p>
<p>On this site you can read about the treatments the clinic offers, the conditions they are used for, and
answers to common questions. If you have a question about your own care, please call the clinic.</p>"""

# {retention_days} is filled in from CONSULTATION_RETENTION_DAYS when the page is created.
PRIVACY = """\
<h2>What this website collects</h2>
<p>Reading this website does not require an account. The site uses no analytics, advertising or tracking services,
and loads nothing from other websites, so no other company learns that you visited these pages.</p>
<p>Like every web server, ours briefly records technical details of each request (the page asked for, the time and
whether it worked) to keep the site running and secure. It does not record your internet address.</p>
<h2>Cookies</h2>
<p>Reading the site sets no cookies. The consultation request form sets one, called csrftoken, which shows that a
request was sent from our own form. It holds nothing about you, and your browser deletes it when you close it.</p>
<h2>If you ask for a consultation</h2>
<p>When you send the consultation request form, we store what you typed in it: your name, your phone number and
email address, how, when and in which language you would like us to contact you, the treatment you are interested
in and your message, with the time you sent it and the language of the form.</p>
<p><strong>Who sees it:</strong> only the clinic's staff who handle requests, signed in with their own account. The
email that tells them a request has arrived says only that one arrived, never who sent it. We do not share your
request with anyone else or use it for marketing.</p>
<p><strong>How long we keep it:</strong> while we deal with your request, and then for {retention_days} days after it
is closed, when it is deleted automatically.</p>
<p>To stop spam, we keep a scrambled code made from your internet address for one hour after you send the form, to
count how many requests come from it. It is not stored with your request.</p>
<p>To see, correct or delete your request, call or write to the clinic.</p>
<h2>Questions</h2>
<p>If you have a question about your privacy, please call or write to the clinic using the details at the foot of
this page.</p>"""

ACCESSIBILITY = """\
<p>We want everyone to be able to use this website, including people who use a screen reader, magnification or
only a keyboard.</p>
<h2>What we aim for</h2>
<ul>
<li>The site is built to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA.</li>
<li>Every page works without JavaScript, and text can be enlarged to 200% without losing content.</li>
</ul>
<h2>Tell us about a problem</h2>
<p>If something on this site is hard to use, please call the clinic and we will help you and fix it.</p>"""


def privacy_notice():
    return PRIVACY.format(retention_days=settings.CONSULTATION_RETENTION_DAYS)


def pages():
    """(address, title, content) of each starter page."""
    return [
        ("/about/", "About the clinic", ABOUT),
        ("/privacy/", "Privacy notice", privacy_notice()),
        ("/accessibility/", "Accessibility statement", ACCESSIBILITY),
    ]

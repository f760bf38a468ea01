"""Starter text for the staff-editable pages. Staff replace it in the admin under "Simple pages"."""

ABOUT = """\
<p>BioHealth Pain Management is a pain-management clinic in Torrance, California, led by Dr. Rostam Khoshsar.</p>
<p>On this site you can read about the treatments the clinic offers, the conditions they are used for, and
answers to common questions. If you have a question about your own care, please call the clinic.</p>"""

PRIVACY = """\
<h2>What this website collects</h2>
<p>Reading this website does not require an account. The site sets no cookies for visitors, uses no analytics,
advertising or tracking services, and loads nothing from other websites, so no other company learns that you
visited these pages.</p>
<p>Like every web server, ours briefly records technical details of each request (such as the page asked for and
the time) to keep the site running and secure.</p>
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

PAGES = [
    ("/about/", "About the clinic", ABOUT),
    ("/privacy/", "Privacy notice", PRIVACY),
    ("/accessibility/", "Accessibility statement", ACCESSIBILITY),
]

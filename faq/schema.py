"""What the FAQ tells search engines (schema.org)."""

from django.urls import reverse

from review.schema import medical_web_page
from seo.schema import absolute
from treatments.schema import therapy_id


def question_page(question):
    """A question's own page: a reviewed page about the treatment it belongs to, if that is published."""
    treatment = question.treatment if question.treatment and question.treatment.is_live else None
    return [medical_web_page(question, therapy_id(treatment) if treatment else None)]


def faq_page(questions):
    """The FAQ page's questions and answers. Only /faq/ carries them: a question is marked up once."""
    return {
        "@type": "FAQPage",
        "@id": absolute(reverse("faq:question_list")),
        "url": absolute(reverse("faq:question_list")),
        "mainEntity": [
            {
                "@type": "Question",
                "name": question.question,
                "acceptedAnswer": {"@type": "Answer", "text": question.answer},
            }
            for question in questions
        ],
    }

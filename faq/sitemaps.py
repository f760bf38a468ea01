from seo.sitemaps import ListPagesSitemap, RecordSitemap

from .models import Question, Topic

sitemaps = {
    "faq": ListPagesSitemap({"faq:question_list": lambda: [Question.objects.published(), Topic.objects.published()]}),
    "questions": RecordSitemap(Question),
}

from django_prose_editor.fields import ProseEditorField, create_sanitizer

# What staff can write in the editor, and so all the HTML a page can ever carry:
# headings below the page title, paragraphs, bold/italic, lists and plain links.
RICH_TEXT_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    # Not formatting: names the typing area after the field's label (static/staff/prose-editor-label.js).
    "FieldLabel": True,
}

sanitize_html = create_sanitizer(RICH_TEXT_EXTENSIONS)


class RichTextField(ProseEditorField):
    """HTML edited in the admin's WYSIWYG editor and cleaned with nh3 before it is stored.

    The editor package cleans form input; `pre_save` also cleans what code writes,
    so nothing unsanitized reaches the database by any path.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", RICH_TEXT_EXTENSIONS)
        kwargs.setdefault("sanitize", sanitize_html)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = self.sanitize(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value

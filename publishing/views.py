class DraftPreviewMixin:
    """Detail views: drafts are 404 for visitors, previewable by staff who can view them."""

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)

// The editor's typing area is a <div contenteditable>, not the <textarea> the field's <label> points at:
// give it that label as its name, and the field's help text as its description, so screen readers say both.
import { Extension, Plugin } from "django-prose-editor/editor"

export const FieldLabel = Extension.create({
  name: "fieldLabel",

  addProseMirrorPlugins() {
    const textarea = this.editor.options.element?.querySelector("textarea")
    const attributes = {}
    const label = textarea?.id && document.querySelector(`label[for="${CSS.escape(textarea.id)}"]`)
    if (label) {
      label.id ||= `${textarea.id}_label`
      attributes["aria-labelledby"] = label.id
    }
    const description = textarea?.getAttribute("aria-describedby")
    if (description) attributes["aria-describedby"] = description
    return [new Plugin({ props: { attributes } })]
  },
})

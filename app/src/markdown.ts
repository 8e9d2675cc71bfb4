import { Marked } from 'marked';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Lesson text as HTML. Raw HTML in the source is shown as text, and links go only to http(s). */
const marked = new Marked({
  gfm: true,
  renderer: {
    html({ text }) {
      return escape(text);
    },
    link({ href, text }) {
      if (!/^https?:\/\//i.test(href)) return escape(text);
      return `<a href="${escape(href)}" rel="noopener noreferrer" target="_blank">${escape(text)}</a>`;
    },
    image({ href, text }) {
      if (!/^(https?:\/\/|\/)/i.test(href)) return escape(text);
      return `<img src="${escape(href)}" alt="${escape(text)}" loading="lazy">`;
    },
  },
});

export function renderMarkdown(source: string): string {
  return marked.parse(source, { async: false });
}

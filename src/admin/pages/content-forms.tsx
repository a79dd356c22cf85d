/** Create/edit forms for content; an item means "edit", none means "new". */
import { ANNOUNCEMENT_TYPES } from '../../shared/enums.ts';
import { Checkbox, Csrf, Field, Select, TextArea } from '../views/ui.tsx';

type Item = Record<string, unknown> & { id: string };
const str = (item: Item | undefined, key: string) => (item?.[key] === null || item?.[key] === undefined ? '' : String(item[key]));

function Frame({ kind, csrf, item, label, id, children }: { kind: string; csrf: string; item?: Item; label: string; id?: string; children?: unknown }) {
  return (
    <form method="post" action={`/admin/content/${kind}`} class="editor" id={id}>
      <h3>{item ? `Edit ${label}` : `New ${label}`}</h3>
      <Csrf token={csrf} />
      {item && <input type="hidden" name="id" value={item.id} />}
      {children as never}
      <button type="submit">{item ? 'Save changes' : `Add ${label}`}</button>
      {item && <a href="/admin/content" class="cancel">Cancel</a>}
    </form>
  );
}

export function CategoryForm({ csrf, item }: { csrf: string; item?: Item }) {
  return (
    <Frame kind="help_category" csrf={csrf} item={item} label="category">
      <Field label="Name" name="name" value={str(item, 'name')} required />
      <Field label="Slug" name="slug" value={str(item, 'slug')} required hint="lowercase-with-dashes" />
      <Field label="Description" name="description" value={str(item, 'description')} />
      <Field label="Order" name="order" type="number" value={str(item, 'order') || '0'} min="0" />
    </Frame>
  );
}

export function ArticleForm({ csrf, item, categories }: { csrf: string; item?: Item; categories: { id: string; name: string }[] }) {
  return (
    <Frame kind="help_article" csrf={csrf} item={item} label="article" id="article-form">
      <Field label="Title" name="title" value={str(item, 'title')} required />
      <Field label="Slug" name="slug" value={str(item, 'slug')} required />
      <Select label="Category" name="categoryId" options={categories.map((k) => [k.id, k.name] as [string, string])} value={str(item, 'categoryId')} />
      <TextArea label="Content (Markdown)" name="content" value={str(item, 'content')} required rows={8} />
      <Field label="Tags" name="tags" value={Array.isArray(item?.tags) ? (item.tags as string[]).join(', ') : ''} hint="comma-separated" />
      <Checkbox label="Published" name="published" checked={item?.published === true} />
    </Frame>
  );
}

export function FaqForm({ csrf, item }: { csrf: string; item?: Item }) {
  return (
    <Frame kind="faq" csrf={csrf} item={item} label="FAQ">
      <Field label="Question" name="question" value={str(item, 'question')} required />
      <TextArea label="Answer" name="answer" value={str(item, 'answer')} required />
      <Field label="Order" name="order" type="number" value={str(item, 'order') || '0'} min="0" />
    </Frame>
  );
}

export function AnnouncementForm({ csrf, item }: { csrf: string; item?: Item }) {
  return (
    <Frame kind="announcement" csrf={csrf} item={item} label="announcement">
      <Field label="Title" name="title" value={str(item, 'title')} required />
      <TextArea label="Text" name="body" value={str(item, 'body')} required />
      <Select label="Type" name="type" options={ANNOUNCEMENT_TYPES} value={str(item, 'type') || 'info'} />
      <Checkbox label="Active (shown to users)" name="active" checked={item ? item.active === true : true} />
    </Frame>
  );
}

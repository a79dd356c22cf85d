/** Content: help categories and articles, FAQs, announcements — list, edit, delete. */
import type { Hono } from 'hono';
import type { ServiceEnv } from '../../services/core/context.ts';
import { listContent } from '../../services/content/list-content.ts';
import { saveHelpCategory } from '../../services/content/save-help-category.ts';
import { saveHelpArticle } from '../../services/content/save-help-article.ts';
import { saveFaq } from '../../services/content/save-faq.ts';
import { saveAnnouncement } from '../../services/content/save-announcement.ts';
import { deleteContentItem } from '../../services/content/delete-content-item.ts';
import { notFound } from '../../services/core/errors.ts';
import { adminCtx } from '../http/context.ts';
import { done, DoneNotice, form, page } from '../http/respond.tsx';
import type { AdminEnv } from '../http/types.ts';
import { Csrf, Empty } from '../views/ui.tsx';
import { AnnouncementForm, ArticleForm, CategoryForm, FaqForm } from './content-forms.tsx';

const SAVERS = { help_category: saveHelpCategory, help_article: saveHelpArticle, faq: saveFaq, announcement: saveAnnouncement } as const;
type Kind = keyof typeof SAVERS;

export function registerContentPages(app: Hono<AdminEnv>, env: ServiceEnv): void {
  app.get('/content', async (c) => {
    const content = await listContent({ ctx: adminCtx(c, env), input: {} });
    const [editKind, editId] = (c.req.query('edit') ?? '').split(':');
    const pick = <T extends { id: string }>(kind: Kind, rows: T[]) => (editKind === kind ? rows.find((r) => r.id === editId) : undefined);
    const csrf = c.get('csrfToken');
    const Del = ({ kind, id, label }: { kind: Kind; id: string; label: string }) => (
      <form method="post" action={`/admin/content/${kind}/${id}/delete`} class="inline">
        <Csrf token={csrf} />
        <button type="submit" class="link danger" aria-label={`Delete ${label}`}>Delete</button>
      </form>
    );
    return page(c, 'Content', <>
      <DoneNotice c={c} />
      <nav class="subnav" aria-label="Content sections"><a href="#help">Help center</a> <a href="#faqs">FAQs</a> <a href="#announcements">Announcements</a></nav>
      <section class="card" id="help">
        <h2>Help categories</h2>
        {content.categories.length === 0 ? <Empty>No categories.</Empty> : (
          <table><thead><tr><th scope="col">Order</th><th scope="col">Name</th><th scope="col">Slug</th><th scope="col">Actions</th></tr></thead>
            <tbody>{content.categories.map((k) => <tr><td class="num">{k.order}</td><td>{k.name}</td><td>{k.slug}</td><td><a href={`/admin/content?edit=help_category:${k.id}#help`}>Edit</a> <Del kind="help_category" id={k.id} label={k.name} /></td></tr>)}</tbody></table>
        )}
        <CategoryForm csrf={csrf} item={pick('help_category', content.categories)} />
        <h2>Help articles</h2>
        {content.articles.length === 0 ? <Empty>No articles.</Empty> : (
          <table><thead><tr><th scope="col">Title</th><th scope="col">Category</th><th scope="col">Published</th><th scope="col">Views</th><th scope="col">Actions</th></tr></thead>
            <tbody>{content.articles.map((a) => <tr><td>{a.title}<div class="sub">{a.slug}</div></td><td>{a.categoryName}</td><td>{a.published ? 'yes' : 'draft'}</td><td class="num">{a.views}</td><td><a href={`/admin/content?edit=help_article:${a.id}#article-form`}>Edit</a> <Del kind="help_article" id={a.id} label={a.title} /></td></tr>)}</tbody></table>
        )}
        <ArticleForm csrf={csrf} item={pick('help_article', content.articles)} categories={content.categories} />
      </section>
      <section class="card" id="faqs">
        <h2>FAQs</h2>
        {content.faqs.length === 0 ? <Empty>No FAQs.</Empty> : (
          <table><thead><tr><th scope="col">Order</th><th scope="col">Question</th><th scope="col">Actions</th></tr></thead>
            <tbody>{content.faqs.map((f) => <tr><td class="num">{f.order}</td><td>{f.question}</td><td><a href={`/admin/content?edit=faq:${f.id}#faqs`}>Edit</a> <Del kind="faq" id={f.id} label={f.question} /></td></tr>)}</tbody></table>
        )}
        <FaqForm csrf={csrf} item={pick('faq', content.faqs)} />
      </section>
      <section class="card" id="announcements">
        <h2>Announcements</h2>
        {content.announcements.length === 0 ? <Empty>No announcements.</Empty> : (
          <table><thead><tr><th scope="col">Title</th><th scope="col">Type</th><th scope="col">Active</th><th scope="col">Actions</th></tr></thead>
            <tbody>{content.announcements.map((a) => <tr><td>{a.title}</td><td>{a.type}</td><td>{a.active ? 'yes' : 'no'}</td><td><a href={`/admin/content?edit=announcement:${a.id}#announcements`}>Edit</a> <Del kind="announcement" id={a.id} label={a.title} /></td></tr>)}</tbody></table>
        )}
        <AnnouncementForm csrf={csrf} item={pick('announcement', content.announcements)} />
      </section>
    </>, { current: '/admin/content' });
  });

  app.post('/content/:kind', async (c) => {
    const kind = c.req.param('kind') as Kind;
    if (!Object.hasOwn(SAVERS, kind)) throw notFound('That kind of content');
    const save = SAVERS[kind];
    const f = await form(c);
    await (save as (args: { ctx: ReturnType<typeof adminCtx>; input: unknown }) => Promise<unknown>)({ ctx: adminCtx(c, env), input: f });
    return done(c, '/admin/content', 'saved');
  });

  app.post('/content/:kind/:id/delete', async (c) => {
    await deleteContentItem({ ctx: adminCtx(c, env), input: { kind: c.req.param('kind') as Kind, id: c.req.param('id') } });
    return done(c, '/admin/content', 'deleted');
  });
}

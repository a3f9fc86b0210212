// The async iterables of `client.paginate()`, `client.posts()` and `client.comments()` around a
// pager of the wasm (src/js/pages.rs, `Pager`): one request per page, made only when the loop
// asks for the next item, so breaking out of the loop (or aborting its signal) stops the
// requests. A failed page rejects the loop's next step with its `WpcomError`; what was yielded
// before stays yielded. `key` names the list of items in each page (`posts`, `comments`);
// without it the pages themselves are yielded.
export async function* wpcomPages(pager, key) {
  try {
    for (let page; (page = await pager.next()) !== undefined; ) {
      if (key) yield* page[key];
      else yield page;
    }
  } finally {
    pager.free();
  }
}

// The first page of such a walk, as handed over (`siteClient.list()`, `listPosts()`).
export async function wpcomFirstPage(pager) {
  try {
    return await pager.next();
  } finally {
    pager.free();
  }
}

// `client.listPosts()`: the first page of such a walk as `{ found, posts, nextPage }`
// (`nextPage`: its `meta.next_page`, the `page_handle` of the page after it, or `null`).
export async function wpcomPostsList(pager) {
  const page = await wpcomFirstPage(pager);
  return { found: page.found, posts: page.posts, nextPage: page.meta.next_page ?? null };
}

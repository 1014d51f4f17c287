// Turns the page it runs in (a language's home page of the served site, for its stylesheets) into the
// report as one printable document: the cover and table of contents (given as HTML), then each
// report page's article in reading order. Ids get a prefix per chapter so that they stay unique;
// links to a page in the document go to its chapter, links to other pages of the site go to their
// public address (or become plain text when there is none); links elsewhere stay as they are.
// Returns the table of contents' entries: [{id, level, text}].
async ({ pages, cover, omit, siteUrl, title }) => {
  const parser = new DOMParser();
  const chapterOf = new Map(pages.map((url, index) => [new URL(url).pathname, index]));
  const siteRoot = new URL("/", location.href);
  const references = ["aria-labelledby", "aria-describedby", "aria-controls", "for", "headers"];
  const chapters = [];
  for (const [index, url] of pages.entries()) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const doc = parser.parseFromString(await response.text(), "text/html");
    const article = doc.querySelector("article");
    if (!article) throw new Error(`${url}: no article`);
    article.querySelectorAll(omit.join(",")).forEach((element) => element.remove());
    const prefix = `c${index}-`;
    article.querySelectorAll("[id]").forEach((element) => { element.id = prefix + element.id; });
    for (const name of references) {
      article.querySelectorAll(`[${name}]`).forEach((element) => {
        element.setAttribute(name, element.getAttribute(name).split(/\s+/).map((id) => prefix + id).join(" "));
      });
    }
    article.querySelectorAll("a[href]").forEach((link) => {
      const href = link.getAttribute("href");
      if (href.startsWith("#")) { link.setAttribute("href", `#${prefix}${decodeURIComponent(href.slice(1))}`); return; }
      const target = new URL(href, url);
      if (target.origin !== siteRoot.origin) return;
      const chapter = chapterOf.get(target.pathname);
      if (chapter !== undefined) {
        link.setAttribute("href", target.hash ? `#c${chapter}-${decodeURIComponent(target.hash.slice(1))}` : `#chapter-${chapter}`);
      } else if (siteUrl) {
        link.setAttribute("href", new URL(target.pathname.slice(1) + target.hash, siteUrl).href);
      } else {
        link.replaceWith(...link.childNodes);
      }
    });
    article.querySelectorAll("img[src]").forEach((image) => { image.src = new URL(image.getAttribute("src"), url).href; });
    const section = document.createElement("section");
    section.className = "mc-pdf-chapter";
    section.id = `chapter-${index}`;
    section.append(...Array.from(article.childNodes).map((node) => document.adoptNode(node)));
    chapters.push(section);
  }
  const main = document.createElement("main");
  main.className = "md-typeset mc-pdf";
  main.innerHTML = cover;
  main.append(...chapters);
  const entries = [];
  const list = main.querySelector(".mc-pdf-toc__list");
  chapters.forEach((chapter) => {
    chapter.querySelectorAll("h1, h2").forEach((heading) => {
      const text = heading.textContent.replace(/\s+/g, " ").trim();
      const id = heading.id || `${chapter.id}-h${entries.length}`;
      heading.id = id;
      entries.push({ id, level: Number(heading.tagName[1]), text });
      const item = document.createElement("li");
      item.className = `mc-pdf-toc__item mc-pdf-toc__item--h${heading.tagName[1]}`;
      const link = document.createElement("a");
      link.href = `#${id}`;
      const words = document.createElement("span");
      words.className = "mc-pdf-toc__title";
      words.textContent = text;
      const number = document.createElement("span");
      number.className = "mc-pdf-toc__page";
      number.dataset.for = id;
      link.append(words, number);
      item.append(link);
      list.append(item);
    });
  });
  document.body.replaceChildren(main);
  document.body.className = "mc-pdf-body";
  document.title = title;
  await document.fonts.ready;
  return entries;
}

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyParts, readAll, spansAreSound, writeTree } from './ingest-helpers.js';

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Assad backs truce | Example News</title>
  <meta property="og:title" content="Assad backs truce &amp; talks">
  <meta property="og:site_name" content="Example News">
  <meta property="og:url" content="https://example.com/og">
  <meta property="article:published_time" content="2016-12-07T10:00:00+02:00">
  <link rel="canonical" href="https://example.com/assad-truce">
  <style>p { color: red }</style>
  <script>var x = "<p>not text</p>";</script>
</head>
<body>
  <header><a href="/">Example News</a><nav><ul><li>World</li><li>Politics</li></ul></nav></header>
  <main>
    <article>
      <h1>Assad backs truce &amp; talks</h1>
      <div class="ad">ADVERTISEMENT</div>
      <p>Syria&#8217;s president said on Sunday he backed <b>local</b>
         truces&nbsp;with rebels.</p>
      <p>Iran&#x2019;s speaker &mdash; Ali Larijani &mdash; met him in Damascus.<br>Talks lasted two hours.</p>
      <figure><svg><text>chart label</text></svg><figcaption>Damascus skyline</figcaption></figure>
      <iframe src="x"><p>iframe fallback</p></iframe>
      <noscript>Enable JavaScript</noscript>
      <form><input name="q"><button>Subscribe</button><p>form text</p></form>
      <aside><h2>Most read</h2><ul><li>Other story</li></ul></aside>
      <p>Mid-paragraph <!-- a comment --> text &lt;script&gt; stays literal.</p>
    </article>
  </main>
  <footer><p>&copy; 2016 Example News. All rights reserved.</p></footer>
</body>
</html>`;

describe('html', () => {
  it('keeps visible text only, one line per block, entities decoded, metadata read', async () => {
    const dir = writeTree({ 'page.html': PAGE });
    const { articles, issues } = await readAll([dir]);
    expect(issues).toEqual([]);
    const a = articles[0]!;
    expect(a.format).toBe('html');
    expect(a.id).toBe('page.html');
    expect(a.doc).toBe('page.html');
    expect(a.title).toBe('Assad backs truce & talks');
    expect(a.date).toBe('2016-12-07');
    expect(a.dateSource).toBe('metadata');
    expect(a.url).toBe('https://example.com/assad-truce');
    expect(a.source).toBe('Example News');
    for (const gone of ['not text', 'color: red', 'World', 'Politics', 'chart label', 'iframe fallback', 'Enable JavaScript', 'form text', 'Other story', 'All rights reserved', 'Subscribe']) {
      expect(a.text).not.toContain(gone);
    }
    expect(a.text).not.toMatch(/<\/?(p|div|b|i|br|a|li|ul|h1|svg|figure|main|article)\b/);
    expect(a.text).toContain("Syria\u2019s president said on Sunday he backed local truces with rebels.");
    expect(a.text).toContain('Iran\u2019s speaker \u2014 Ali Larijani \u2014 met him in Damascus.\nTalks lasted two hours.');
    expect(bodyParts(a)).toEqual([
      'Syria\u2019s president said on Sunday he backed local truces with rebels.',
      'Iran\u2019s speaker \u2014 Ali Larijani \u2014 met him in Damascus.',
      'Talks lasted two hours.',
      'Damascus skyline',
      'Mid-paragraph text <script> stays literal.',
    ]);
    expect(spansAreSound(a)).toBe(true);
  });

  it('falls back to <title>, og:url, meta name=date; then to h1 and <time datetime> and JSON-LD', async () => {
    const dir = writeTree({
      'a.htm': '<html><head><title>Plain title</title><meta property="og:url" content="https://e.com/a"><meta name="date" content="7 December 2016"></head><body><p>Body text here.</p></body></html>',
      'b.html': '<body><h1>Heading one</h1><time datetime="2017-01-09T08:00">Jan 9</time><p>Body text here.</p></body>',
      'c.html': '<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"LD headline","datePublished":"2015-05-03T10:00:00Z","publisher":{"name":"LD Pub"}}]}</script></head><body><p>Body text here.</p></body></html>',
      'd.html': '<body><aside><time datetime="2001-01-01">old</time></aside><p>No date for this one.</p></body>',
    });
    const [a, b, c, d] = (await readAll([dir])).articles;
    expect([a!.title, a!.url, a!.date, a!.format]).toEqual(['Plain title', 'https://e.com/a', '2016-12-07', 'html']);
    expect([b!.title, b!.date]).toEqual(['Heading one', '2017-01-09']);
    expect(bodyParts(b!)).toEqual(['Jan 9', 'Body text here.']);
    expect([c!.title, c!.date, c!.source]).toEqual(['LD headline', '2015-05-03', 'LD Pub']);
    // A <time> in a sidebar dates another story.
    expect([d!.date, d!.dateSource]).toEqual([null, null]);
  });

  it("the page's h1 is the headline when <title> carries the site's name", async () => {
    const dir = writeTree({
      'g.html': '<html><head><title>Ethiopia and Eritrea: Abiy visits Asmara | World news | The Guardian</title></head><body><article><h1>Ethiopian PM Abiy Ahmed visits Eritrea in historic trip</h1><p>The visit is the first in two decades.</p></article></body></html>',
    });
    const a = (await readAll([dir])).articles[0]!;
    expect(a.title).toBe('Ethiopian PM Abiy Ahmed visits Eritrea in historic trip');
    expect(bodyParts(a)).toEqual(['The visit is the first in two decades.']);
  });

  it('a page with no visible text is reported', async () => {
    const dir = writeTree({ 'e.html': '<html><head><title>T</title></head><body><nav>Menu</nav><script>x()</script></body></html>' });
    const { articles, issues } = await readAll([dir]);
    expect(articles).toEqual([]);
    expect(issues).toEqual([{ path: join(dir, 'e.html'), reason: 'no visible text' }]);
  });

  it('survives broken markup', async () => {
    const dir = writeTree({ 'f.html': '<p>Price is 3 < 4 and <b>bold <i>nested</b></i>\n<p>Unclosed <div>block' });
    const a = (await readAll([dir])).articles[0]!;
    expect(a.text).toBe('Price is 3 < 4 and bold nested\n\nUnclosed\n\nblock');
  });
});

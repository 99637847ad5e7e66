import { describe, expect, it } from 'vitest';
import { embedOptions, embedUrl, iframeSnippet, playgroundBase } from './embedLink';

describe('embed links', () => {
  it('writes and reads back the charts and autoplay', () => {
    const url = embedUrl('https://example.org/microcosm/', '#s=abc', { panels: ['clients', 'errors'], autoplay: true });
    expect(url).toBe('https://example.org/microcosm/embed.html?panels=clients,errors&autoplay=1#s=abc');
    expect(embedUrl('https://example.org/m/', '#s=x', { panels: [], autoplay: false })).toBe('https://example.org/m/embed.html#s=x');
    const u = new URL(url);
    expect(embedOptions(u.search)).toEqual({ panels: ['clients', 'errors'], unknownPanels: [], autoplay: true });
  });

  it('keeps the known charts of a link and names the unknown ones', () => {
    expect(embedOptions('?embed=1&panels=clients,latency,,node')).toEqual({ panels: ['clients', 'node'], unknownPanels: ['latency'], autoplay: false });
  });

  it('finds the playground beside an embed page, and quotes the link in the snippet', () => {
    expect(playgroundBase('https://example.org/m/embed.html?embed=1#s=x')).toBe('https://example.org/m/');
    expect(playgroundBase('https://example.org/m/?a=1')).toBe('https://example.org/m/');
    expect(iframeSnippet('https://x/?embed=1&panels=cost#s=a"b', 'Shop <1>')).toBe('<iframe src="https://x/?embed=1&amp;panels=cost#s=a&quot;b" title="Shop &lt;1>" width="960" height="540" style="border:0" loading="lazy"></iframe>');
  });
});

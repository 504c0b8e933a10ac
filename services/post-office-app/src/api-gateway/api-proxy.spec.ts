import { proxyTarget } from './api-proxy';

const urls = { intake: 'http://127.0.0.1:3001', digitization: 'http://d', forwarding: 'http://f', 'agency-gateway': 'http://g', returns: 'http://r', tracking: 'http://t' };

describe('the API on the app origin', () => {
  it('sends /api/<service>/… to that service, query string and all', () => {
    expect(proxyTarget('/intake/dossiers?phone=0912345678', urls)).toBe('http://127.0.0.1:3001/dossiers?phone=0912345678');
    expect(proxyTarget('/agency-gateway/dossiers/x/supplement-completion', urls)).toBe('http://g/dossiers/x/supplement-completion');
  });

  it('refuses anything that is not one of the services the app uses', () => {
    expect(proxyTarget('/agency-simulator/simulation', urls)).toBeUndefined();
    expect(proxyTarget('/../etc/passwd', urls)).toBeUndefined();
  });
});

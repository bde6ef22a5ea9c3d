import { describe, expect, it } from 'vitest';
import { dialable, supportLinks } from './struggling-flow';

describe('messages to supports are written on the phone, with exactly the words kept', () => {
  const sam = { key: 's', name: 'Sam', role: 'Sponsor', phone: '+1 (555) 010-2000', email: 'sam@example.org' };

  it('keeps only digits and a leading + for tel: and sms:', () => {
    expect(dialable('+1 (555) 010-2000')).toBe('+15550102000');
  });

  it('puts the message, and nothing else, in the text and the e-mail', () => {
    const message = 'Rough night & I could use a call?';
    const links = supportLinks(sam, message, 'Could we talk?');
    expect(links.call).toBe('tel:+15550102000');
    expect(links.sms).toBe(`sms:+15550102000?body=${encodeURIComponent(message)}`);
    expect(links.email).toBe(`mailto:sam@example.org?subject=Could%20we%20talk%3F&body=${encodeURIComponent(message)}`);
    expect(decodeURIComponent(links.sms!.split('body=')[1]!)).toBe(message);
  });

  it('offers only what the support can be reached by', () => {
    expect(supportLinks({ ...sam, email: '' }, 'hi', 's').email).toBeNull();
    expect(supportLinks({ ...sam, phone: '' }, 'hi', 's')).toMatchObject({ call: null, sms: null });
  });
});

/**
 * Crisis lines shown one tap away on every page. Source: ../shared/reference/fhir-and-crisis.json
 * (checked against the owners' own statements where `verified` is true). A deployment picks its
 * region with CRISIS_REGION.
 */
export interface CrisisResource {
  id: string;
  name: string;
  kind: 'suicide' | 'substance' | 'emergency' | 'ipv' | 'text';
  phone?: string;
  sms?: { number: string; keyword?: string };
  url?: string;
  hours?: string;
}

export const crisisResourcesByRegion: Record<string, CrisisResource[]> = {
  US: [
    {
      id: '988',
      name: '988 Suicide & Crisis Lifeline',
      kind: 'suicide',
      phone: '988',
      sms: { number: '988' },
      url: 'https://988lifeline.org',
      hours: '24/7',
    },
    { id: 'samhsa', name: 'SAMHSA National Helpline', kind: 'substance', phone: '1-800-662-4357', hours: '24/7/365' },
    { id: '911', name: 'Emergency services', kind: 'emergency', phone: '911' },
    {
      id: 'ndvh',
      name: 'National Domestic Violence Hotline',
      kind: 'ipv',
      phone: '1-800-799-7233',
      sms: { number: '88788', keyword: 'START' },
    },
    { id: 'ctl', name: 'Crisis Text Line', kind: 'text', sms: { number: '741741', keyword: 'HOME' } },
  ],
};

export const defaultCrisisRegion = 'US';

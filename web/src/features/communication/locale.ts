import type { SkillLocale } from '@twofold/core/communication/skills';

/** The content language for texts kept in core (skills, grounding, the template): en or es. */
export function contentLocale(language: string | undefined): SkillLocale {
  return language?.startsWith('es') ? 'es' : 'en';
}

import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup } from '@testing-library/react';
import { i18n } from '../lib/i18n';
import { resetApiClient } from '../lib/api-client';

beforeEach(async () => {
  await i18n.changeLanguage('en');
  resetApiClient();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  localStorage.clear();
});

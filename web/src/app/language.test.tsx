import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockServer, problem } from '../test/mock-server';
import { renderApp } from '../test/render-app';

describe('language switch', () => {
  it('switches every string to Spanish and remembers only the language on this device', async () => {
    mockServer({ 'GET /api/me': () => problem(401, 'unauthenticated', 'Please log in.') });
    const user = userEvent.setup();
    renderApp('/login');
    await screen.findByRole('heading', { level: 1, name: 'Log in' });
    await user.selectOptions(screen.getByLabelText('Language'), 'es');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Iniciar sesión' })).toBeTruthy());
    expect(screen.getByRole('button', { name: 'Ayuda en crisis' })).toBeTruthy();
    expect(screen.getByLabelText('Correo electrónico')).toBeTruthy();
    expect(Object.keys(localStorage)).toEqual(['twofold.locale']);
    expect(localStorage.getItem('twofold.locale')).toBe('es');
  });
});

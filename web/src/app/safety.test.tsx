import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import userEvent from '@testing-library/user-event';
import { alexMe, mockServer, problem } from '../test/mock-server';
import { renderApp } from '../test/render-app';
import { Providers } from './providers';
import { createQueryClient } from './query-client';
import { RouteError } from './route-error';

describe('quick exit', () => {
  it('forgets cached data, blanks the page and replaces the history entry with the neutral page', async () => {
    mockServer({
      'GET /api/me': () => ({ status: 200, body: alexMe }),
      'GET /api/me/sharing': () => ({ status: 200, body: { settings: [] } }),
    });
    const replace = vi.spyOn(window.location, 'replace').mockImplementation(() => undefined);
    const user = userEvent.setup();
    const { queryClient } = renderApp('/sharing');
    await screen.findByRole('heading', { level: 1, name: 'Sharing' });
    expect(queryClient.getQueryData(['me'])).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Quick exit' }));

    expect(replace).toHaveBeenCalledWith('/neutral.html');
    expect(queryClient.getQueryData(['me'])).toBeUndefined();
    expect(document.body.textContent).toBe('');
    expect(document.title).toBe('Notes');
  });

  it('also leaves when Escape is pressed three times in a row, even logged out', async () => {
    mockServer({ 'GET /api/me': () => problem(401, 'unauthenticated', 'Please log in.') });
    const replace = vi.spyOn(window.location, 'replace').mockImplementation(() => undefined);
    renderApp('/login');
    await screen.findByRole('heading', { level: 1, name: 'Log in' });
    fireEvent.keyDown(window, { key: 'Escape' });
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(replace).not.toHaveBeenCalled();
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(replace).toHaveBeenCalledWith('/neutral.html');
  });
});

describe('crisis help', () => {
  it('opens a dialog listing 988 with a tel: link, on a logged-out page', async () => {
    mockServer({
      'GET /api/me': () => problem(401, 'unauthenticated', 'Please log in.'),
      'GET /api/crisis-resources': () => ({
        status: 200,
        body: {
          region: 'US',
          resources: [
            { id: '988', name: '988 Suicide & Crisis Lifeline', kind: 'suicide', phone: '988', sms: { number: '988' }, hours: '24/7' },
            { id: 'samhsa', name: 'SAMHSA National Helpline', kind: 'substance', phone: '1-800-662-4357' },
          ],
        },
      }),
    });
    const user = userEvent.setup();
    renderApp('/login');
    await user.click(await screen.findByRole('button', { name: 'Crisis help' }));
    const dialog = await screen.findByRole('dialog', { name: 'Help right now' });
    expect(within(dialog).getByRole('heading', { name: '988 Suicide & Crisis Lifeline' })).toBeTruthy();
    expect(within(dialog).getByRole('link', { name: 'Call 988' }).getAttribute('href')).toBe('tel:988');
    expect(within(dialog).getByRole('link', { name: 'Text 988' }).getAttribute('href')).toBe('sms:988');
    expect(within(dialog).getByRole('link', { name: 'Call 1-800-662-4357' }).getAttribute('href')).toBe('tel:18006624357');

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps quick exit one tap away inside the dialog, where the rest of the page is inert', async () => {
    mockServer({ 'GET /api/me': () => problem(401, 'unauthenticated', 'Please log in.') });
    const replace = vi.spyOn(window.location, 'replace').mockImplementation(() => undefined);
    const user = userEvent.setup();
    renderApp('/login');
    await user.click(await screen.findByRole('button', { name: 'Crisis help' }));
    const dialog = await screen.findByRole('dialog', { name: 'Help right now' });
    await user.click(within(dialog).getByRole('button', { name: 'Quick exit' }));
    expect(replace).toHaveBeenCalledWith('/neutral.html');
  });

  it('still lists the lines from the built-in list when the server cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('offline'))),
    );
    const user = userEvent.setup();
    renderApp('/join/aaaaaaaaaaaaaaaaaaaaaa');
    await user.click(await screen.findByRole('button', { name: 'Crisis help' }));
    const dialog = await screen.findByRole('dialog', { name: 'Help right now' });
    expect(within(dialog).getByRole('link', { name: 'Call 988' }).getAttribute('href')).toBe('tel:988');
    expect(within(dialog).getByRole('link', { name: 'Text HOME to 741741' }).getAttribute('href')).toBe('sms:741741?body=HOME');
  });
});

describe('when a page crashes', () => {
  it('still offers crisis help and quick exit', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const Broken = () => {
      throw new Error('boom');
    };
    const router = createMemoryRouter([{ path: '/', element: <Broken />, errorElement: <RouteError /> }]);
    render(
      <Providers queryClient={createQueryClient()}>
        <RouterProvider router={router} />
      </Providers>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Crisis help' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Quick exit' })).toBeTruthy();
  });
});

import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignInForm } from './SignInPage.js';

afterEach(cleanup);

describe('sign-in form', () => {
  it('shows the shared schema’s messages next to the fields and does not submit', () => {
    const onSubmit = vi.fn();
    render(<SignInForm onSubmit={onSubmit} pending={false} />);
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'not-an-email' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByText(/email must be a valid email address/)).toBeTruthy();
    expect(screen.getByText('password must not be empty')).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Email'));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits the parsed input (email trimmed and lowercased)', () => {
    const onSubmit = vi.fn();
    render(<SignInForm onSubmit={onSubmit} pending={false} />);
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: '  Learner@Demo.TEST ' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'enrollpay-demo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSubmit).toHaveBeenCalledWith({ email: 'learner@demo.test', password: 'enrollpay-demo' });
  });

  it('cannot be submitted twice while signing in', () => {
    render(<SignInForm onSubmit={vi.fn()} pending={true} />);
    const button = screen.getByRole('button', { name: 'Signing in…' });
    expect(button.hasAttribute('disabled')).toBe(true);
  });
});

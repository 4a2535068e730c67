export * from './password';
export * from './access';
export * from './session';
export * from './second-factor';
export * from './password-policy';
export * from './sign-in-throttle';
export * from './staff-scope';
export * from './account-administration';

import type { StaffActor } from '@complaints/auth';
import type { AuditLogQuery } from './audit-filter';
import type { ServiceDependencies } from '../dependencies';
import { changePassword } from './change-password';
import { confirmSecondFactorSetup } from './confirm-second-factor-setup';
import { exportAuditLog } from './export-audit-log';
import { reauthenticate } from './reauthenticate';
import { ownRecoveryCodes, recoveryCodesKept, recoveryCodesLeft, renewRecoveryCodes } from './recovery-codes';
import { resumeSession } from './resume-session';
import { searchAuditLog } from './search-audit-log';
import { signInWithPassword } from './sign-in-with-password';
import { listOwnSessions, signOutEverywhereElse } from './own-sessions';
import { signOut } from './sign-out';
import { startSecondFactorSetup } from './start-second-factor-setup';
import { verifySecondFactor } from './verify-second-factor';

type Input<F> = F extends (deps: never, input: infer I, ...rest: never[]) => unknown ? I : never;

/** Signing in and out, sessions, second factor, passwords and the audit trail, bound to their dependencies. */
export function createAccessServices(deps: ServiceDependencies) {
  return {
    signIn: (input: Input<typeof signInWithPassword>) => signInWithPassword(deps, input),
    resumeSession: (input: Input<typeof resumeSession>) => resumeSession(deps, input),
    signOut: (input: Input<typeof signOut>) => signOut(deps, input),
    listOwnSessions: (input: Input<typeof listOwnSessions>) => listOwnSessions(deps, input),
    signOutEverywhereElse: (input: Input<typeof signOutEverywhereElse>) => signOutEverywhereElse(deps, input),
    verifySecondFactor: (input: Input<typeof verifySecondFactor>) => verifySecondFactor(deps, input),
    startSecondFactorSetup: (input: Input<typeof startSecondFactorSetup>) => startSecondFactorSetup(deps, input),
    confirmSecondFactorSetup: (input: Input<typeof confirmSecondFactorSetup>) => confirmSecondFactorSetup(deps, input),
    renewRecoveryCodes: (input: Input<typeof renewRecoveryCodes>) => renewRecoveryCodes(deps, input),
    ownRecoveryCodes: (input: Input<typeof ownRecoveryCodes>) => ownRecoveryCodes(deps, input),
    recoveryCodesLeft: (input: Input<typeof recoveryCodesLeft>) => recoveryCodesLeft(deps, input),
    recoveryCodesKept: (input: Input<typeof recoveryCodesKept>) => recoveryCodesKept(deps, input),
    changePassword: (input: Input<typeof changePassword>) => changePassword(deps, input),
    reauthenticate: (input: Input<typeof reauthenticate>) => reauthenticate(deps, input),
    searchAuditLog: (actor: StaffActor, query: AuditLogQuery, page: number) => searchAuditLog(deps, actor, query, page),
    exportAuditLog: (actor: StaffActor & { sessionId: string }, query: AuditLogQuery, requestId?: string) => exportAuditLog(deps, actor, query, requestId),
  };
}

export type AccessServices = ReturnType<typeof createAccessServices>;

export * from './form-definition';
export * from './fields';
export * from './adult-flow';
export * from './child-flow';
export * from './page-answers';
export * from './navigation';
export * from './answers-to-complaint';
export * from './check-answers';
export * from './attachment-rules';
export * from './draft-data';
export * from './sent-confirmation';

import { adultFlow } from './adult-flow';
import { childFlow } from './child-flow';
import type { FlowDefinition, FlowId } from './form-definition';

export const COMPLAINT_FLOWS: Record<FlowId, FlowDefinition> = { adult: adultFlow, child: childFlow };

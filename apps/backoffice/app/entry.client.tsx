import { hydratePage } from '@complaints/ui/remix/entry-client';

void hydratePage();

import { z } from 'zod';
import { themes } from './theme';

/** The theme a person may choose, as the account action takes it. */
export const themeSchema = z.enum(themes, { error: 'Choose system, light or dark.' });

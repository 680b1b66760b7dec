/** Renders a message key in one language (a person's, the officers' or a focal channel's). */
export type Translate = (key: string, args?: Record<string, string | number>) => string;

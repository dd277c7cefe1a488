export { readTemplate } from './read.js';
export { chooseLayouts, layoutByName, LAYOUT_ROLES } from './choose.js';
export { TemplateError, SCHEME_SLOTS } from './types.js';
export type { HouseTemplate, TemplateLayout, TemplatePlaceholder, Box, SchemeSlot, LayoutRole } from './types.js';

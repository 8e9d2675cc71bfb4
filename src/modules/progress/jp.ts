/** JP as they are shown and reported: to the hundredth. */
export const roundJp = (jp: number) => Math.round(jp * 100) / 100;

/** The slice of a list one page shows: `pageSize` rows after the first `offset`. */
export interface PageSlice {
  pageSize: number;
  offset: number;
}

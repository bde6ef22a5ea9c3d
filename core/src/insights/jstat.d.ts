// The two functions of jStat (MIT, no type declarations of its own) that the insights use.
declare module 'jstat' {
  // A CommonJS module: its export is the jStat object itself (import it as the default).
  const jStat: {
    studentt: {
      /** The quantile (inverse CDF) of Student's t with `dof` degrees of freedom. */
      inv(p: number, dof: number): number;
      cdf(x: number, dof: number): number;
    };
  };
  export default jStat;
}

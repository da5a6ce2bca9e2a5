/**
 * Speed bands of the speed ratio (candidate CPU time ÷ reference CPU time on the same timed hidden
 * tests, measured in the same run), as the judge defines them. judge/core/score.ts is plain data
 * and arithmetic, so the site may import it without loading any of the judge's sandbox.
 */
export { SPEED_BANDS, speedBand, type SpeedBand } from '../../judge/core/score';

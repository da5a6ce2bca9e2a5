export { task } from './scratch';
export { trainingTask } from './train';

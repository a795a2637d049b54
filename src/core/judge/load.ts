// The model that ships with Bizlang (src/core/data/model.json, written by `npm run train`),
// decoded on first use, and any other stored model, decoded once per object.
import shipped from '../data/model.json';
import { decodeModel, type StoredModel } from './codec.js';
import type { Model } from './model.js';

export { decodeModel, encodeModel, type StoredLang, type StoredModel } from './codec.js';

let model: Model | undefined;
const decoded = new WeakMap<StoredModel, Model>();

/** The model that ships with Bizlang, decoded on first use; or a given stored model (decoded
 * once per object). */
export function shippedModel(stored?: StoredModel): Model {
  if (stored) {
    let m = decoded.get(stored);
    if (!m) decoded.set(stored, (m = decodeModel(stored)));
    return m;
  }
  return (model ??= decodeModel(shipped as StoredModel));
}

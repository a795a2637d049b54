// remark-bizlang: `unified().use(remarkParse).use(remarkBizlang, options)`, or
// `remark --use bizlang/remark`. Reads the document from the VFile (exact positions in any
// pipeline) and runs the core once per file; the tree is not needed.
import { bizlangAttacher } from './messages.js';

export type { BizlangData, Options } from './messages.js';

const remarkBizlang = bizlangAttacher('remark-bizlang');
export default remarkBizlang;

// retext-bizlang: the same judgment for plain text in a retext pipeline
// (`unified().use(retextEnglish).use(retextBizlang)`, or a Chinese parser). The text is read as
// Markdown reads plain paragraphs; positions are exact offsets into the file.
import { bizlangAttacher } from './messages.js';

export type { BizlangData, Options } from './messages.js';

const retextBizlang = bizlangAttacher('retext-bizlang');
export default retextBizlang;

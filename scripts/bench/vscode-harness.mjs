// Bundled by build.mjs into .cache/bench/vscode-harness.cjs: the tests' fake `vscode` module and
// fake TextDocument, one module instance shared by both (the extension requires 'vscode' and gets
// this `mock`).
import * as mock from '../../test/vscode/vscode-mock.ts';
import { FakeDocument } from '../../test/vscode/fake-document.ts';

export { mock, FakeDocument };

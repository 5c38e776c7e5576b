// Word both ways, the import side: what the CLI and the extension call.
export { importDocx, type ImportOptions, type ImportResult, type ImportSummary, type Unplaced } from './import';
export { MAX_DOCX_BYTES, readDocx, WordFileError } from './read';

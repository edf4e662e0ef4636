import { modelDiagram } from '../../model/diagram.js';
import { EXIT, type Command } from '../command.js';

export const modelDiagramCommand: Command = {
  name: 'model-diagram',
  usage: 'model-diagram',
  summary: 'print the data model as a Mermaid diagram (the README holds a copy)',
  async run({ out }) {
    out(modelDiagram());
    return EXIT.OK;
  },
};

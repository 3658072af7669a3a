// The result document as UTF-8 XML, and back. The JSON form lists results as
// `ResultList: [{ ResultOfQualificationConfirmation: … }, …]`; in XML that is one <ResultList>
// holding a <ResultOfQualificationConfirmation> per result.
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../errors';
import type { OnshiDocument, ResultOfQualificationConfirmation } from '../../../shared/onshi-document';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>';
const RESULT_PATH = 'XmlMsg.MessageBody.ResultList.ResultOfQualificationConfirmation';

const builder = new XMLBuilder({ format: true, indentBy: '  ' });

export function toXml(doc: OnshiDocument): string {
  const { ResultList, ...body } = doc.XmlMsg.MessageBody;
  const list = ResultList.map((r) => r.ResultOfQualificationConfirmation);
  const xmlShape = {
    XmlMsg: {
      MessageHeader: doc.XmlMsg.MessageHeader,
      MessageBody: {
        ProcessingResultStatus: body.ProcessingResultStatus,
        QualificationValidity: body.QualificationValidity,
        ResultList: list.length ? { ResultOfQualificationConfirmation: list } : '',
        ...(body.QualificationConfirmSearchInfo
          ? { QualificationConfirmSearchInfo: body.QualificationConfirmSearchInfo }
          : {}),
      },
    },
  };
  return `${XML_DECLARATION}\n${builder.build(xmlShape) as string}`;
}

/** Parses a result document's XML into the JSON form (every value a string). */
export function fromXml(xml: string): OnshiDocument {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new AppError(
      'invalid-input',
      `XMLとして正しくありません: ${valid.err.msg} (${valid.err.line}行目)`,
      `not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`,
    );
  }
  const parser = new XMLParser({
    parseTagValue: false,
    ignoreDeclaration: true,
    isArray: (_name, jpath) => jpath === RESULT_PATH,
  });
  const raw = parser.parse(xml) as { XmlMsg?: { MessageHeader: unknown; MessageBody: Record<string, unknown> } };
  if (!raw.XmlMsg) throw new AppError('invalid-input', 'XmlMsg 要素がありません', 'no XmlMsg element');
  const { ResultList, ...body } = raw.XmlMsg.MessageBody;
  const items =
    typeof ResultList === 'object' && ResultList !== null
      ? ((ResultList as { ResultOfQualificationConfirmation?: ResultOfQualificationConfirmation[] })
          .ResultOfQualificationConfirmation ?? [])
      : [];
  return {
    XmlMsg: {
      MessageHeader: raw.XmlMsg.MessageHeader as OnshiDocument['XmlMsg']['MessageHeader'],
      MessageBody: {
        ...(body as Omit<OnshiDocument['XmlMsg']['MessageBody'], 'ResultList'>),
        ResultList: items.map((r) => ({ ResultOfQualificationConfirmation: r })),
      },
    },
  };
}

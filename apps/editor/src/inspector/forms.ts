import type { NodeKind } from '@parley/flow-schema';
import { AiAnswerForm, EndForm, HandoffForm, OptInForm, OptOutForm } from './closing-forms.tsx';
import type { Form } from './form-types.ts';
import { JumpForm } from './JumpForm.tsx';
import {
  ConditionForm,
  DelayForm,
  HttpRequestForm,
  QuestionForm,
  SetVariablesForm,
  TemplateForm,
} from './logic-forms.tsx';
import { ButtonsForm, CtaUrlForm, ListForm, LocationRequestForm, MediaForm, TextForm } from './message-forms.tsx';

/** One form per node kind: a new kind without a form does not compile. */
export const FORMS: { [K in NodeKind]: Form<K> } = {
  text: TextForm,
  media: MediaForm,
  buttons: ButtonsForm,
  list: ListForm,
  cta_url: CtaUrlForm,
  location_request: LocationRequestForm,
  template: TemplateForm,
  question: QuestionForm,
  condition: ConditionForm,
  set_variables: SetVariablesForm,
  http_request: HttpRequestForm,
  delay: DelayForm,
  handoff: HandoffForm,
  ai_answer: AiAnswerForm,
  opt_in: OptInForm,
  opt_out: OptOutForm,
  jump: JumpForm,
  end: EndForm,
};

import { MediaType, WHATSAPP_LIMITS } from '@parley/flow-schema';
import { addButton, addRow, addSection, removeButton, removeRow } from '../commands/node-items.ts';
import { AddButton } from './AddButton.tsx';
import { BodyField } from './BodyField.tsx';
import { FooterField } from './FooterField.tsx';
import { CheckField, options, ReplyTimeoutField, SelectField, TextField } from './fields.tsx';
import type { Form } from './form-types.ts';
import { ItemRow } from './ItemRow.tsx';
import { OptionalTextField } from './OptionalTextField.tsx';

// Short name: the limits appear in almost every field below.
const L = WHATSAPP_LIMITS;

export const TextForm: Form<'text'> = ({ node, set }) => (
  <>
    <TextField
      label="Message"
      field="text"
      multiline
      placeholders
      limit={L.textBody}
      value={node.text}
      onChange={(text) => set({ ...node, text })}
      help="What the customer reads."
    />
    <CheckField
      label="Show a preview of the first link"
      field="previewUrl"
      value={node.previewUrl}
      onChange={(previewUrl) => set({ ...node, previewUrl })}
    />
  </>
);

export const MediaForm: Form<'media'> = ({ node, set }) => (
  <>
    <SelectField
      label="Kind of file"
      field="mediaType"
      value={node.mediaType}
      options={options(MediaType.options)}
      onChange={(mediaType) => set({ ...node, mediaType })}
    />
    <TextField
      label="Link to the file"
      field="media"
      value={'link' in node.media ? node.media.link : ''}
      onChange={(link) => set({ ...node, media: { link } })}
      help="A public https:// address of the file."
    />
    {node.mediaType !== 'audio' && node.mediaType !== 'sticker' ? (
      <OptionalTextField
        label="Caption"
        field="caption"
        multiline
        placeholders
        limit={L.mediaCaption}
        value={node.caption}
        onChange={(caption) => set({ ...node, caption })}
      />
    ) : null}
    {node.mediaType === 'document' ? (
      <OptionalTextField
        label="File name shown"
        field="filename"
        value={node.filename}
        onChange={(filename) => set({ ...node, filename })}
      />
    ) : null}
  </>
);

export const ButtonsForm: Form<'buttons'> = ({ node, set, run }) => (
  <>
    <TextField
      label="Header"
      field="header"
      limit={L.interactiveHeaderText}
      value={node.header?.type === 'text' ? node.header.text : ''}
      onChange={(text) => set({ ...node, header: text === '' ? undefined : { type: 'text', text } })}
      help="Optional bold line above the message."
    />
    <BodyField limit={L.interactiveBody} value={node.body} onChange={(body) => set({ ...node, body })} />
    <FooterField value={node.footer} onChange={(footer) => set({ ...node, footer })} help="Optional small grey line." />
    <fieldset>
      <legend>Buttons (WhatsApp shows up to {L.replyButtonsMax})</legend>
      {node.buttons.map((button, i) => (
        <ItemRow
          key={button.id}
          removeLabel={`Remove button ${i + 1}`}
          onRemove={() => run((f) => removeButton(f, { nodeId: node.id, buttonId: button.id }))}
        >
          <TextField
            label={`Button ${i + 1} title`}
            field={`buttons.${i}.title`}
            limit={L.replyButtonTitle}
            value={button.title}
            onChange={(title) => set({ ...node, buttons: node.buttons.with(i, { ...button, title }) })}
          />
        </ItemRow>
      ))}
      <AddButton onClick={() => run((f) => addButton(f, { nodeId: node.id }))}>Add button</AddButton>
    </fieldset>
    <ReplyTimeoutField value={node.timeoutMinutes} onChange={(timeoutMinutes) => set({ ...node, timeoutMinutes })} />
  </>
);

export const ListForm: Form<'list'> = ({ node, set, run }) => (
  <>
    <OptionalTextField
      label="Header"
      field="header"
      limit={L.interactiveHeaderText}
      value={node.header}
      onChange={(header) => set({ ...node, header })}
    />
    <BodyField limit={L.listBody} value={node.body} onChange={(body) => set({ ...node, body })} />
    <FooterField value={node.footer} onChange={(footer) => set({ ...node, footer })} />
    <TextField
      label="Menu button text"
      field="buttonText"
      limit={L.listButtonText}
      value={node.buttonText}
      onChange={(buttonText) => set({ ...node, buttonText })}
      help="The button that opens the list."
    />
    {node.sections.map((section, s) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: these items have no id; their position is their identity
      <fieldset key={`section-${s}`}>
        <legend>Section {s + 1}</legend>
        <OptionalTextField
          label={`Section ${s + 1} title`}
          field={`sections.${s}.title`}
          limit={L.listSectionTitle}
          value={section.title}
          onChange={(title) => set({ ...node, sections: node.sections.with(s, { ...section, title }) })}
        />
        {section.rows.map((row, r) => {
          const setRow = (next: typeof row) =>
            set({ ...node, sections: node.sections.with(s, { ...section, rows: section.rows.with(r, next) }) });
          return (
            <ItemRow
              key={row.id}
              removeLabel={`Remove option ${r + 1} of section ${s + 1}`}
              onRemove={() => run((f) => removeRow(f, { nodeId: node.id, rowId: row.id }))}
            >
              <div>
                <TextField
                  label={`Option ${r + 1} title`}
                  field={`sections.${s}.rows.${r}.title`}
                  limit={L.listRowTitle}
                  value={row.title}
                  onChange={(title) => setRow({ ...row, title })}
                />
                <OptionalTextField
                  label={`Option ${r + 1} description`}
                  field={`sections.${s}.rows.${r}.description`}
                  limit={L.listRowDescription}
                  value={row.description}
                  onChange={(description) => setRow({ ...row, description })}
                />
              </div>
            </ItemRow>
          );
        })}
        <AddButton onClick={() => run((f) => addRow(f, { nodeId: node.id, section: s }))}>
          Add option to section {s + 1}
        </AddButton>
      </fieldset>
    ))}
    <AddButton onClick={() => run((f) => addSection(f, { nodeId: node.id }))}>Add section</AddButton>
    <ReplyTimeoutField value={node.timeoutMinutes} onChange={(timeoutMinutes) => set({ ...node, timeoutMinutes })} />
  </>
);

export const CtaUrlForm: Form<'cta_url'> = ({ node, set }) => (
  <>
    <BodyField limit={L.interactiveBody} value={node.body} onChange={(body) => set({ ...node, body })} />
    <FooterField value={node.footer} onChange={(footer) => set({ ...node, footer })} />
    <TextField
      label="Button text"
      field="displayText"
      limit={L.ctaDisplayText}
      value={node.displayText}
      onChange={(displayText) => set({ ...node, displayText })}
    />
    <TextField
      label="Web address"
      field="url"
      placeholders
      value={node.url}
      onChange={(url) => set({ ...node, url })}
      help="The page the button opens, e.g. https://example.com/order/{{order_id}}."
    />
  </>
);

export const LocationRequestForm: Form<'location_request'> = ({ node, set }) => (
  <>
    <BodyField limit={L.interactiveBody} value={node.body} onChange={(body) => set({ ...node, body })} />
    <OptionalTextField
      label="Keep the location as"
      field="saveAs"
      value={node.saveAs}
      onChange={(saveAs) => set({ ...node, saveAs })}
      help="A variable name, e.g. customer_location."
    />
    <ReplyTimeoutField value={node.timeoutMinutes} onChange={(timeoutMinutes) => set({ ...node, timeoutMinutes })} />
  </>
);

// The article view: a Lexical editor that shows the document right-to-left, never lets it change,
// and lets the annotator select text with the mouse or Shift+arrows.
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { PlainTextPlugin } from '@lexical/react/LexicalPlainTextPlugin';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label, Span } from '../../shared/rpc/domain';
import { ArticlePlugin } from './ArticlePlugin';
import type { EditorApi } from './editor-api';

interface Props {
  documentId: string;
  text: string;
  spans: readonly Span[];
  labels: readonly Label[];
  selectedSpanId: string | null;
  hoveredSpanIds: readonly string[];
  candidateSpanId: string | null;
  onSpanClick: (spanId: string | null) => void;
  apiRef: Ref<EditorApi>;
}

const initialConfig: InitialConfigType = {
  namespace: 'isnad-article',
  editable: true,
  theme: { paragraph: 'article-paragraph', ltr: 'article-ltr', rtl: 'article-rtl' },
  onError(error) {
    console.error(error);
  },
};

export function ArticleEditor(props: Props) {
  const { t } = useTranslation();
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <PlainTextPlugin
        contentEditable={
          <ContentEditable
            className="article-text"
            data-testid="editor"
            dir="rtl"
            lang="ar"
            spellCheck={false}
            aria-label={t('editor.ariaLabel')}
            aria-readonly
          />
        }
        ErrorBoundary={LexicalErrorBoundary}
      />
      <ArticlePlugin {...props} />
    </LexicalComposer>
  );
}

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import { createHostClient } from './host/create-host-client'
import { I18nProvider } from './i18n/i18n'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App client={createHostClient()} />
    </I18nProvider>
  </StrictMode>,
)
